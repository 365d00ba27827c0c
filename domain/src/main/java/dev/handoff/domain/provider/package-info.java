/**
 * What each provider can carry. A command that needs a feature the chosen provider lacks is
 * rejected before any request is sent, naming the feature and the provider.
 */
package dev.handoff.domain.provider;
