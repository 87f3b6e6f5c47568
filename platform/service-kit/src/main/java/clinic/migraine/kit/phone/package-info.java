/**
 * Patients' phone numbers checked against each country's numbering plan (libphonenumber), stored and sent as
 * E.164; numbers written without a country code are read in the clinic's region ({@code clinic.phone.default-region}).
 */
package clinic.migraine.kit.phone;
