package dev.handoff.archfixture.renamed.adapters.alpha;

import dev.handoff.archfixture.renamed.model.Order;
import dev.handoff.archfixture.renamed.usecases.PlaceOrder;

/** An adapter, under "adapters". */
public class AlphaStore implements PlaceOrder {
  @Override
  public void place(Order order) {}
}
