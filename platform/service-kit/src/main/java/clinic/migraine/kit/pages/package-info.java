/**
 * The shared look of every service's pages: the layout and sign-in templates ({@code templates/clinic/}), the
 * stylesheet and script ({@code static/clinic/}), the site's links and the clinic's time zone for templates.
 */
package clinic.migraine.kit.pages;
