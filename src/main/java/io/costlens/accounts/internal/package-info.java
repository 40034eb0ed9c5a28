/**
 * The accounts services the dashboard calls until the module's packages are flattened.
 */
@org.springframework.modulith.NamedInterface("internal")
@org.jspecify.annotations.NullMarked
package io.costlens.accounts.internal;
