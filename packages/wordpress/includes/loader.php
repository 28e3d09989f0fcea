<?php
/**
 * The loader (civicloop.js) and its stylesheet, enqueued once per page that shows an element,
 * whatever their number. The URLs name the server's version (`/cdn/v{version}/`), so each tag
 * carries the Subresource Integrity hash from the server's `/cdn/integrity.json`; when that cannot
 * be read, the unversioned alias is used without a hash (a hash of a file that changes on upgrade
 * would break the page). WordPress 6.1 has no wp_enqueue_script_module, so the tags are rewritten
 * to `type="module"` with `integrity` and `crossorigin` in the loader-tag filters.
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The server's CDN manifest ({ version, files: name => sha384-… }), cached for an hour.
 *
 * @return array|null
 */
function civicloop_cdn_manifest() {
	$server = civicloop_settings()['server'];
	if ( '' === $server ) {
		return null;
	}
	$cached = get_transient( 'civicloop_cdn_manifest' );
	if ( is_array( $cached ) && isset( $cached['server'] ) && $cached['server'] === $server ) {
		return $cached['manifest'];
	}
	$manifest = null;
	$response = wp_remote_get( $server . '/cdn/integrity.json', array( 'timeout' => 5 ) );
	if ( ! is_wp_error( $response ) && 200 === (int) wp_remote_retrieve_response_code( $response ) ) {
		$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( is_array( $body ) && isset( $body['version'], $body['files'] ) && is_string( $body['version'] ) && preg_match( '/^[0-9A-Za-z.+-]+$/', $body['version'] ) && is_array( $body['files'] ) ) {
			$manifest = $body;
		}
	}
	// A failure is cached briefly, so a server that is down does not slow every page.
	set_transient(
		'civicloop_cdn_manifest',
		array(
			'server'   => $server,
			'manifest' => $manifest,
		),
		$manifest ? HOUR_IN_SECONDS : MINUTE_IN_SECONDS
	);
	return $manifest;
}

/**
 * URL and integrity of a CDN file.
 *
 * @param string $name civicloop.js or civicloop.css.
 * @return array{src: string, integrity: string}|null
 */
function civicloop_cdn_file( $name ) {
	$server = civicloop_settings()['server'];
	if ( '' === $server ) {
		return null;
	}
	$manifest = civicloop_cdn_manifest();
	if ( $manifest && isset( $manifest['files'][ $name ] ) && is_string( $manifest['files'][ $name ] ) ) {
		return array(
			'src'       => $server . '/cdn/v' . $manifest['version'] . '/' . $name,
			'integrity' => $manifest['files'][ $name ],
		);
	}
	return array(
		'src'       => $server . '/cdn/' . $name,
		'integrity' => '',
	);
}

/**
 * Asks for the loader on this page. Called by every render; WordPress prints a handle once.
 */
function civicloop_enqueue_loader() {
	$js = civicloop_cdn_file( 'civicloop.js' );
	if ( ! $js ) {
		return;
	}
	$css = civicloop_cdn_file( 'civicloop.css' );
	if ( $css ) {
		wp_enqueue_style( 'civicloop', $css['src'], array(), null ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the path is versioned.
	}
	wp_enqueue_script( 'civicloop', $js['src'], array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the path is versioned.
}

add_filter(
	'script_loader_tag',
	static function ( $tag, $handle ) {
		if ( 'civicloop' !== $handle ) {
			return $tag;
		}
		$file = civicloop_cdn_file( 'civicloop.js' );
		if ( ! $file ) {
			return '';
		}
		$integrity = '' !== $file['integrity'] ? ' integrity="' . esc_attr( $file['integrity'] ) . '"' : '';
		return '<script type="module" src="' . esc_url( $file['src'] ) . '"' . $integrity . ' crossorigin="anonymous" id="civicloop-js"></script>' . "\n";
	},
	10,
	2
);

add_filter(
	'style_loader_tag',
	static function ( $tag, $handle ) {
		if ( 'civicloop' !== $handle ) {
			return $tag;
		}
		$file = civicloop_cdn_file( 'civicloop.css' );
		if ( ! $file ) {
			return '';
		}
		$integrity = '' !== $file['integrity'] ? ' integrity="' . esc_attr( $file['integrity'] ) . '"' : '';
		return '<link rel="stylesheet" href="' . esc_url( $file['src'] ) . '"' . $integrity . ' crossorigin="anonymous" id="civicloop-css">' . "\n";
	},
	10,
	2
);

// An element an editor with unfiltered_html pasted (or one kses let through, see kses.php) needs
// the loader too, without the script tag of the README's snippet.
add_filter(
	'the_content',
	static function ( $content ) {
		$tags = array_map( 'preg_quote', array_keys( civicloop_elements() ) );
		if ( $tags && preg_match( '/<(?:' . implode( '|', $tags ) . ')[\s>]/i', (string) $content ) ) {
			civicloop_enqueue_loader();
		}
		return $content;
	},
	20
);
