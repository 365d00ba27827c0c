package dev.handoff.app.runtime;

import dev.handoff.adapter.postgres.PostgresOperationStore;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.ports.callback.CallbackBinding;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.DeliveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import org.jboss.logging.Logger;

/**
 * Binds callback deliveries to what they may change: the key callback URLs are bound with, and
 * which deliveries may change which operations.
 */
@ApplicationScoped
public class DeliveryWiring {
  private static final Logger LOG = Logger.getLogger(DeliveryWiring.class);

  /**
   * @param config the configuration
   * @param store the operation store, whose shared secret binds URLs when none is configured
   * @return the binding: {@code handoff.callbacks.secret}, else the PostgreSQL store's shared
   *     secret (the same on every instance), else a random secret for this process
   * @throws IllegalArgumentException when the configured secret is too short
   */
  @Produces
  @Singleton
  CallbackBinding binding(HandoffConfig config, OperationStore store) {
    if (config.callbacks().secret().isPresent()) {
      try {
        return CallbackBinding.of(config.callbacks().secret().get().reveal());
      } catch (IllegalArgumentException tooShort) {
        throw new IllegalArgumentException(
            "handoff.callbacks.secret: " + tooShort.getMessage(), tooShort);
      }
    }
    if (store instanceof PostgresOperationStore) {
      return CallbackBinding.of(((PostgresOperationStore) store).callbackBindingSecret());
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    LOG.info(
        "Callback URLs are bound with a random secret of this process (in-memory store); set"
            + " handoff.callbacks.secret for callbacks that may reach another process");
    return CallbackBinding.of(random);
  }

  /**
   * @param config the configuration
   * @return which deliveries may change which operations
   */
  @Produces
  @Singleton
  DeliveryPolicy deliveryPolicy(HandoffConfig config) {
    DeliveryPolicy policy =
        config.callbacks().bindOperations()
            ? DeliveryPolicy.forBoundOperations()
            : DeliveryPolicy.open();
    boolean calls =
        config
            .callbacks()
            .requireCallBinding()
            .orElse(config.provider() == HandoffConfig.Provider.GRAPH);
    return calls ? policy.withCallsBound() : policy;
  }
}
