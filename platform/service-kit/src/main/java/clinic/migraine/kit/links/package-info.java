/** The keys that sign the links in patients' messages, by id, so a key can be rotated without killing links sent. */
package clinic.migraine.kit.links;
