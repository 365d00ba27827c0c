/**
 * PostgreSQL adapters: {@link dev.handoff.adapter.postgres.PostgresOperationStore}, the durable
 * operation store shared by several service instances (plain JDBC over a supplied {@link
 * javax.sql.DataSource}, Flyway migrations, compare-and-set by version, an append-only timeline,
 * sweeps that claim rows with {@code FOR UPDATE SKIP LOCKED}, retention), and {@link
 * dev.handoff.adapter.postgres.PostgresOperationChangeBus}, which carries changes between instances
 * with {@code LISTEN/NOTIFY}.
 */
package dev.handoff.adapter.postgres;
