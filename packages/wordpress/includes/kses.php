<?php
/**
 * Lets Civic Loop's own tags, with their documented attributes and nothing else, through
 * WordPress's HTML filter (kses), so an element an Author or Contributor pastes (or any role under
 * DISALLOW_UNFILTERED_HTML) is kept. The loader's <script> is still removed: the plugin prints it.
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_filter(
	'wp_kses_allowed_html',
	static function ( $tags, $context ) {
		if ( 'post' !== $context || ! is_array( $tags ) ) {
			return $tags;
		}
		foreach ( civicloop_elements() as $tag => $element ) {
			if ( empty( $element['public'] ) && 'civicloop-config' !== $tag ) {
				continue;
			}
			$tags[ $tag ] = array_fill_keys( array_keys( $element['attributes'] ), true );
		}
		return $tags;
	},
	10,
	2
);
