<?php
/**
 * The elements the plugin knows, read from elements.json, which the build writes from the
 * elements' custom-elements.json (scripts/wordpress-plugin.mjs): an element added to Civic Loop
 * needs no change here.
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every element: tag => [ 'summary', 'block' (whether it gets a block), 'attributes' => name => [ 'type', 'key', 'description' ] ].
 *
 * @return array<string, array>
 */
function civicloop_elements() {
	static $elements = null;
	if ( null === $elements ) {
		$file     = dirname( CIVICLOOP_PLUGIN_FILE ) . '/elements.json';
		$data     = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
		$elements = is_array( $data ) && isset( $data['elements'] ) && is_array( $data['elements'] ) ? $data['elements'] : array();
	}
	return $elements;
}
