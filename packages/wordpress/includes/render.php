<?php
/**
 * Printing an element: the blocks' render callbacks and the shortcode both end here, so each
 * attribute is checked against the element's documented ones and escaped the same way.
 * `[civicloop element="cocreate-feedback" council="riverside" service="libraries"]`
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A refusal: shown to those who can edit posts (so they can fix it), nothing to visitors.
 *
 * @param string $message What is wrong, in words.
 * @return string
 */
function civicloop_refuse( $message ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return '<p class="civicloop-refused" role="alert"><strong>' . esc_html__( 'Civic Loop:', 'civicloop' ) . '</strong> ' . esc_html( $message ) . ' ' . esc_html__( '(Only editors see this message; visitors see nothing here.)', 'civicloop' ) . '</p>';
}

/**
 * The element's HTML, or a refusal.
 *
 * @param string $tag        The element's tag.
 * @param array  $attributes Attribute name => value (string, bool or number); empty strings and false are left out.
 * @return string
 */
function civicloop_render_element( $tag, array $attributes ) {
	$elements = civicloop_elements();
	if ( ! isset( $elements[ $tag ] ) || ! $elements[ $tag ]['public'] ) {
		/* translators: 1: what the editor wrote as the element's name, 2: the elements there are. */
		return civicloop_refuse( sprintf( __( 'there is no element "%1$s" to show. Use one of: %2$s.', 'civicloop' ), $tag, implode( ', ', civicloop_public_tags() ) ) );
	}
	$known = $elements[ $tag ]['attributes'];
	if ( ! isset( $attributes['council'] ) || '' === $attributes['council'] ) {
		$attributes['council'] = civicloop_settings()['council'];
	}
	$html = '<' . $tag;
	foreach ( $attributes as $name => $value ) {
		$name = (string) $name;
		if ( ! isset( $known[ $name ] ) ) {
			/* translators: 1: the attribute's name, 2: the element's tag, 3: the attributes it has. */
			return civicloop_refuse( sprintf( __( '"%1$s" is not an attribute of %2$s. It has: %3$s.', 'civicloop' ), $name, $tag, implode( ', ', array_keys( $known ) ) ) );
		}
		$type = $known[ $name ]['type'];
		if ( 'boolean' === $type ) {
			$on = is_bool( $value ) ? $value : in_array( strtolower( (string) $value ), array( '', '1', 'true', 'yes', 'on' ), true );
			if ( ! is_bool( $value ) && ! in_array( strtolower( (string) $value ), array( '', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off' ), true ) ) {
				/* translators: 1: the attribute's name, 2: what the editor wrote. */
				return civicloop_refuse( sprintf( __( '%1$s is on or off (true or false), not "%2$s".', 'civicloop' ), $name, (string) $value ) );
			}
			if ( $on ) {
				$html .= ' ' . $name;
			}
			continue;
		}
		$value = is_scalar( $value ) ? trim( (string) $value ) : '';
		if ( '' === $value ) {
			continue;
		}
		if ( 'number' === $type && ! preg_match( '/^-?[0-9]+$/', $value ) ) {
			/* translators: 1: the attribute's name, 2: what the editor wrote. */
			return civicloop_refuse( sprintf( __( '%1$s is a whole number, not "%2$s".', 'civicloop' ), $name, $value ) );
		}
		if ( 'url' === $type ) {
			$value = esc_url_raw( $value );
		}
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	civicloop_enqueue_loader();
	return $html . '></' . $tag . '>';
}

/**
 * The tags a page may show (those with a block), for messages.
 *
 * @return string[]
 */
function civicloop_public_tags() {
	return array_keys( array_filter( civicloop_elements(), static fn( $e ) => ! empty( $e['public'] ) ) );
}

add_shortcode(
	'civicloop',
	static function ( $atts ) {
		$atts = is_array( $atts ) ? $atts : array();
		if ( ! isset( $atts['element'] ) || '' === $atts['element'] ) {
			/* translators: %s: the tags an editor may name. */
			return civicloop_refuse( sprintf( __( 'name the element, e.g. [civicloop element="cocreate-feedback"]. Elements: %s.', 'civicloop' ), implode( ', ', civicloop_public_tags() ) ) );
		}
		$tag = strtolower( (string) $atts['element'] );
		unset( $atts['element'] );
		foreach ( array_keys( $atts ) as $key ) {
			// A word without a value ([civicloop compact]) arrives under a number.
			if ( is_int( $key ) ) {
				$atts[ strtolower( (string) $atts[ $key ] ) ] = true;
				unset( $atts[ $key ] );
			}
		}
		return civicloop_render_element( $tag, $atts );
	}
);
