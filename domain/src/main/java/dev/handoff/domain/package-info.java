/**
 * The provider-neutral call-transfer model of Handoff and its rules.
 *
 * <p>The model uses the roles of RFC 5589: the <em>transferor</em> owns the call being transferred
 * (the call an application controls), the <em>transferee</em> is the party handed on, and the
 * <em>transfer target</em> is who the transferee ends up talking to. Every value here validates
 * itself when it is constructed and reports every broken rule at once in a {@link
 * dev.handoff.domain.ValidationException}; no half-valid object can exist.
 *
 * <p>This package and its sub-packages depend on the JDK only.
 */
package dev.handoff.domain;
