<?php
/**
 * Plugin Name:       Civic Loop
 * Description:       Civic Loop's elements (resident feedback with a receipt, "you said, we did", the contact bank) as blocks and a shortcode, so every editor can place them, whatever their role.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           EUPL-1.2
 * License URI:       https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12
 * Text Domain:       civicloop
 * Domain Path:       /languages
 *
 * @package CivicLoop
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'CIVICLOOP_PLUGIN_FILE', __FILE__ );
define( 'CIVICLOOP_PLUGIN_VERSION', '0.1.0' );

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/loader.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/kses.php';

// Before the blocks register (init, priority 10), whose titles it translates.
add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'civicloop', false, dirname( plugin_basename( CIVICLOOP_PLUGIN_FILE ) ) . '/languages' );
	},
	0
);
