/**
 * An operation: one command's life from request to definite outcome, with a dated timeline of
 * everything that happened. States follow RFC 5589's meaning and only move forward; repeated, late
 * and out-of-order provider events are absorbed idempotently and recorded.
 */
package dev.handoff.domain.operation;
