/** Start-up checks on the configuration every service shares. */
package clinic.migraine.kit.config;
