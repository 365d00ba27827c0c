/**
 * Domain commands to Graph request bodies (MapStruct), and Graph's failure signals (synchronous
 * error bodies, {@code resultInfo} in notifications) to the domain failure taxonomy.
 *
 * <p>Internal to the adapter; public only so that the adapter's packages can share it.
 */
package dev.handoff.adapter.graph.mapping;
