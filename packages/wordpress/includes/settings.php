<?php
/**
 * Settings → Civic Loop: the server's address and the default council. Saving asks the server
 * for the council and says plainly what is wrong: the server cannot be reached, the council does
 * not exist, or this site's origin is not among the council's allowed origins (the server's CORS
 * answer to a request sent with this site's Origin tells, since the public council config does
 * not list the origins).
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The saved settings, with their defaults.
 *
 * @return array{server: string, council: string}
 */
function civicloop_settings() {
	$saved = get_option( 'civicloop_settings', array() );
	$saved = is_array( $saved ) ? $saved : array();
	return array(
		'server'  => isset( $saved['server'] ) ? (string) $saved['server'] : '',
		'council' => isset( $saved['council'] ) ? (string) $saved['council'] : '',
	);
}

/**
 * This site's origin (scheme, host and port), as browsers send it in `Origin`.
 *
 * @return string
 */
function civicloop_site_origin() {
	$parts = wp_parse_url( home_url() );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
		return '';
	}
	$scheme = isset( $parts['scheme'] ) ? strtolower( $parts['scheme'] ) : 'http';
	$port   = isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '';
	return $scheme . '://' . strtolower( $parts['host'] ) . $port;
}

/**
 * Asks the server for the council with this site's Origin.
 *
 * @param string $server  The server's address.
 * @param string $council The council's slug.
 * @return array{ok: bool, message: string}
 */
function civicloop_check_council( $server, $council ) {
	$origin   = civicloop_site_origin();
	$response = wp_remote_get(
		$server . '/v1/councils/' . rawurlencode( $council ),
		array(
			'timeout' => 10,
			'headers' => array(
				'Accept' => 'application/json',
				'Origin' => $origin,
			),
		)
	);
	if ( is_wp_error( $response ) ) {
		return array(
			'ok'      => false,
			/* translators: 1: the server's address, 2: the error WordPress got. */
			'message' => sprintf( __( 'The Civic Loop server at %1$s could not be reached: %2$s', 'civicloop' ), $server, $response->get_error_message() ),
		);
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	if ( 404 === $status ) {
		return array(
			'ok'      => false,
			/* translators: 1: the council's slug, 2: the server's address. */
			'message' => sprintf( __( 'The server at %2$s has no council "%1$s". Check the short name with whoever runs the server.', 'civicloop' ), $council, $server ),
		);
	}
	$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
	if ( 200 !== $status || ! is_array( $body ) || ! isset( $body['slug'] ) ) {
		return array(
			'ok'      => false,
			/* translators: 1: the server's address, 2: an HTTP status code. */
			'message' => sprintf( __( 'The server at %1$s did not answer as a Civic Loop server (HTTP %2$d). Check the address.', 'civicloop' ), $server, $status ),
		);
	}
	if ( wp_remote_retrieve_header( $response, 'access-control-allow-origin' ) !== $origin ) {
		return array(
			'ok'      => false,
			/* translators: 1: this site's origin, 2: the council's slug. */
			'message' => sprintf( __( 'This site (%1$s) is not among the allowed origins of the council "%2$s", so residents\' browsers will block its answers. Ask whoever runs the server to add it: council origins add.', 'civicloop' ), $origin, $council ),
		);
	}
	return array(
		'ok'      => true,
		/* translators: 1: the council's name, 2: this site's origin. */
		'message' => sprintf( __( 'Connected to %1$s; this site (%2$s) may show its elements.', 'civicloop' ), isset( $body['name'] ) ? (string) $body['name'] : $council, $origin ),
	);
}

/**
 * Cleans what the form sent, then checks it against the server (once per save).
 *
 * @param mixed $input The submitted option.
 * @return array{server: string, council: string}
 */
function civicloop_sanitize_settings( $input ) {
	static $checked = false;
	$input   = is_array( $input ) ? $input : array();
	$server  = isset( $input['server'] ) ? untrailingslashit( esc_url_raw( trim( (string) $input['server'] ), array( 'http', 'https' ) ) ) : '';
	$council = isset( $input['council'] ) ? strtolower( trim( (string) $input['council'] ) ) : '';
	if ( '' !== $council && ! preg_match( '/^[a-z0-9]+(?:-[a-z0-9]+)*$/', $council ) ) {
		add_settings_error( 'civicloop_settings', 'civicloop-council', __( 'A council\'s short name has only lower-case letters, digits and single hyphens.', 'civicloop' ) );
		$council = '';
	}
	// WordPress runs this twice when the option is first added: check the server once.
	if ( ! $checked && '' !== $server && '' !== $council ) {
		$checked = true;
		$result  = civicloop_check_council( $server, $council );
		add_settings_error( 'civicloop_settings', 'civicloop-check', $result['message'], $result['ok'] ? 'success' : 'error' );
		delete_transient( 'civicloop_cdn_manifest' );
	}
	return array(
		'server'  => $server,
		'council' => $council,
	);
}

add_action(
	'admin_init',
	static function () {
		register_setting(
			'civicloop',
			'civicloop_settings',
			array(
				'type'              => 'object',
				'sanitize_callback' => 'civicloop_sanitize_settings',
				'default'           => array(
					'server'  => '',
					'council' => '',
				),
			)
		);
		add_settings_section( 'civicloop_server', __( 'Civic Loop server', 'civicloop' ), '__return_false', 'civicloop' );
		add_settings_field(
			'civicloop_server',
			__( 'Server address', 'civicloop' ),
			static function () {
				printf(
					'<input type="url" id="civicloop_server" name="civicloop_settings[server]" value="%s" class="regular-text" placeholder="https://civicloop.your-council.example" aria-describedby="civicloop_server_description"><p class="description" id="civicloop_server_description">%s</p>',
					esc_attr( civicloop_settings()['server'] ),
					esc_html__( 'Where the Civic Loop server is, as residents\' browsers reach it.', 'civicloop' )
				);
			},
			'civicloop',
			'civicloop_server',
			array( 'label_for' => 'civicloop_server' )
		);
		add_settings_field(
			'civicloop_council',
			__( 'Default council', 'civicloop' ),
			static function () {
				printf(
					'<input type="text" id="civicloop_council" name="civicloop_settings[council]" value="%s" class="regular-text" pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="civicloop_council_description"><p class="description" id="civicloop_council_description">%s</p>',
					esc_attr( civicloop_settings()['council'] ),
					esc_html__( 'The council\'s short name (its slug), used when a block or shortcode names none.', 'civicloop' )
				);
			},
			'civicloop',
			'civicloop_server',
			array( 'label_for' => 'civicloop_council' )
		);
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page(
			__( 'Civic Loop', 'civicloop' ),
			__( 'Civic Loop', 'civicloop' ),
			'manage_options',
			'civicloop',
			static function () {
				if ( ! current_user_can( 'manage_options' ) ) {
					return;
				}
				echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="options.php" method="post">';
				settings_fields( 'civicloop' );
				do_settings_sections( 'civicloop' );
				submit_button();
				echo '</form></div>';
			}
		);
	}
);
