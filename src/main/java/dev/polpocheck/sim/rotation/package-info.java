/**
 * Credential rotation as Polpo 0.3.x does it: the profile pool and its cooldown and billing-disable
 * state machines, the {@link dev.polpocheck.sim.rotation.Selector} with a literal reference
 * implementation and a fast one that must agree with it, rotation policies and the in-memory
 * provider cooldown.
 */
package dev.polpocheck.sim.rotation;
