package dev.handoff.archfixture.renamed.usecases;

import dev.handoff.archfixture.renamed.model.Order;

/** A port, in a layer named "usecases". */
public interface PlaceOrder {
  /**
   * @param order the order
   */
  void place(Order order);
}
