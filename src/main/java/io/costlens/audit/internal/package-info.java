/**
 * The audit trail services the dashboard calls until the module's packages are flattened.
 */
@org.springframework.modulith.NamedInterface("internal")
@org.jspecify.annotations.NullMarked
package io.costlens.audit.internal;
