/**
 * Two tiny services for the layer rules' own test: {@code good} keeps every rule, {@code bad} breaks each one
 * once. Not production code and not a pattern to copy beyond the layering.
 */
package clinic.migraine.layerfixture;
