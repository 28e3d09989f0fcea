<?php
/**
 * One dynamic block per public element (civicloop/<tag>): the post stores only the block's
 * attributes in its comment delimiter, and PHP prints the element when the page is viewed, so no
 * HTML filter ever sees the element in a post. The editor script (blocks/editor.js) builds each
 * block's controls from the same data, and shows the real element as its preview.
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The block attributes of an element: camelCase keys (heading-level → headingLevel).
 *
 * @param array $element An entry of civicloop_elements().
 * @return array
 */
function civicloop_block_attributes( array $element ) {
	$out = array();
	foreach ( $element['attributes'] as $attribute ) {
		if ( empty( $attribute['block'] ) ) {
			continue;
		}
		$out[ $attribute['key'] ] = array( 'type' => 'boolean' === $attribute['type'] ? 'boolean' : ( 'number' === $attribute['type'] ? 'integer' : 'string' ) );
	}
	return $out;
}

/**
 * A text of elements.json (a block's title or description, a control's label, help or option) in
 * the user's language. The build lists them in civicloop.pot; one not translated yet (an element
 * added since) stays in English.
 *
 * @param string $text The English text.
 * @return string
 */
function civicloop_element_text( $text ) {
	// phpcs:ignore WordPress.WP.I18n.NonSingularStringLiteralText -- the texts come from elements.json, and civicloop.pot lists them.
	return '' === $text ? '' : __( $text, 'civicloop' );
}

/**
 * The public elements, their editor texts translated: what the block editor shows.
 *
 * @return array<string, array>
 */
function civicloop_editor_elements() {
	$out = array();
	foreach ( civicloop_elements() as $tag => $element ) {
		if ( empty( $element['public'] ) ) {
			continue;
		}
		$element['title']   = civicloop_element_text( $element['title'] );
		$element['summary'] = civicloop_element_text( $element['summary'] );
		foreach ( $element['attributes'] as $name => $attribute ) {
			$attribute['label'] = civicloop_element_text( $attribute['label'] );
			$attribute['help']  = civicloop_element_text( isset( $attribute['help'] ) ? $attribute['help'] : '' );
			if ( isset( $attribute['optionLabels'] ) ) {
				$attribute['optionLabels'] = array_map( 'civicloop_element_text', $attribute['optionLabels'] );
			}
			$element['attributes'][ $name ] = $attribute;
		}
		$out[ $tag ] = $element;
	}
	return $out;
}

// The blocks sit together under "Civic Loop" in the inserter.
add_filter(
	'block_categories_all',
	static function ( $categories ) {
		$categories[] = array(
			'slug'  => 'civicloop',
			'title' => __( 'Civic Loop', 'civicloop' ),
			'icon'  => null,
		);
		return $categories;
	}
);

add_action(
	'init',
	static function () {
		wp_register_script(
			'civicloop-blocks',
			plugins_url( 'blocks/editor.js', CIVICLOOP_PLUGIN_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-api-fetch' ),
			CIVICLOOP_PLUGIN_VERSION,
			true
		);
		foreach ( civicloop_editor_elements() as $tag => $element ) {
			register_block_type(
				'civicloop/' . $tag,
				array(
					'api_version'     => 2,
					'title'           => $element['title'],
					'description'     => $element['summary'],
					'category'        => 'civicloop',
					'keywords'        => array( 'Civic Loop', $tag ),
					'editor_script'   => 'civicloop-blocks',
					'attributes'      => civicloop_block_attributes( $element ),
					'supports'        => array( 'html' => false ),
					'render_callback' => static function ( $attributes ) use ( $tag, $element ) {
						$html = array();
						foreach ( $element['attributes'] as $name => $attribute ) {
							if ( ! empty( $attribute['block'] ) && isset( $attributes[ $attribute['key'] ] ) ) {
								$html[ $name ] = $attributes[ $attribute['key'] ];
							}
						}
						return civicloop_render_element( $tag, $html );
					},
				)
			);
		}
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		$settings = civicloop_settings();
		$data     = array(
			'blocks'  => civicloop_editor_elements(),
			'council' => $settings['council'],
			'texts'   => array(
				'settings'      => __( 'Settings', 'civicloop' ),
				'anyService'    => __( 'Let residents choose', 'civicloop' ),
				// The empty choice of a list (e.g. a status): the element's own default applies.
				'notSet'        => __( 'Not set', 'civicloop' ),
				'noServer'      => __( 'Set the Civic Loop server under Settings → Civic Loop first.', 'civicloop' ),
				/* translators: %s: the council's short name. */
				'defaultCouncil' => __( 'Leave empty for the default council (%s).', 'civicloop' ),
			),
		);
		wp_add_inline_script( 'civicloop-blocks', 'window.civicloopBlocks = ' . wp_json_encode( $data ) . ';', 'before' );
		// The real element as the preview.
		civicloop_enqueue_loader();
	}
);

// The service control's list, fetched by WordPress from the server, so the editor needs no CORS.
add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'civicloop/v1',
			'/services',
			array(
				'methods'             => 'GET',
				'permission_callback' => static fn() => current_user_can( 'edit_posts' ),
				'args'                => array(
					'council' => array(
						'type'    => 'string',
						'pattern' => '^[a-z0-9]+(-[a-z0-9]+)*$',
					),
				),
				'callback'            => static function ( WP_REST_Request $request ) {
					$settings = civicloop_settings();
					$council  = $request['council'] ? (string) $request['council'] : $settings['council'];
					if ( '' === $settings['server'] || '' === $council ) {
						return new WP_Error( 'civicloop_not_set', __( 'Set the Civic Loop server under Settings → Civic Loop first.', 'civicloop' ), array( 'status' => 409 ) );
					}
					$response = wp_remote_get( $settings['server'] . '/v1/councils/' . rawurlencode( $council ) . '/services', array( 'timeout' => 10 ) );
					$body     = is_wp_error( $response ) ? null : json_decode( (string) wp_remote_retrieve_body( $response ), true );
					if ( ! is_array( $body ) || ! isset( $body['items'] ) || ! is_array( $body['items'] ) ) {
						return new WP_Error( 'civicloop_unreachable', __( 'The council\'s services could not be read from the server.', 'civicloop' ), array( 'status' => 502 ) );
					}
					$locale = substr( get_user_locale(), 0, 2 );
					$out    = array();
					foreach ( $body['items'] as $service ) {
						$names = isset( $service['name'] ) && is_array( $service['name'] ) ? $service['name'] : array();
						$out[] = array(
							'id'   => (string) $service['id'],
							'name' => (string) ( $names[ $locale ] ?? $names['en'] ?? ( reset( $names ) ?: $service['id'] ) ),
						);
					}
					return $out;
				},
			)
		);
	}
);
