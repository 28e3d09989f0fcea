<?php
/**
 * What tests/wordpress does inside WordPress, through WordPress's own functions (WP-CLI is not
 * packaged): `php wp.php '<json>'`, where the JSON is { "do": …, … }; prints a JSON answer.
 * A post is saved as its author (wp_set_current_user), so kses filters it as it would that
 * user's; "disallowUnfilteredHtml" defines DISALLOW_UNFILTERED_HTML first, as a hardened
 * site's config does.
 */
$cmd = json_decode( $argv[1], true );
$_SERVER['HTTP_HOST']   = $cmd['host'];
$_SERVER['SERVER_NAME'] = '127.0.0.1';
// On a sub-folder network, the site is the one at this path (e.g. /riverside/).
$_SERVER['REQUEST_URI'] = $cmd['path'] ?? '/';
if ( ! empty( $cmd['disallowUnfilteredHtml'] ) ) {
	define( 'DISALLOW_UNFILTERED_HTML', true );
}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

$out = null;
switch ( $cmd['do'] ) {
	case 'activate':
		// On a network, "Network Activate" (for every site) when asked.
		$result = activate_plugin( 'civicloop/civicloop.php', '', ! empty( $cmd['network'] ) );
		$out    = array( 'ok' => ! is_wp_error( $result ), 'error' => is_wp_error( $result ) ? $result->get_error_message() : null );
		break;
	case 'settings':
		// As the Settings page's form does: through the registered sanitize callback, which checks the server.
		wp_set_current_user( $cmd['user'] ?? 1 );
		if ( ! empty( $cmd['locale'] ) ) {
			// As for an administrator whose profile language is this one.
			switch_to_locale( $cmd['locale'] );
			load_plugin_textdomain( 'civicloop', false, 'civicloop/languages' );
		}
		do_action( 'admin_init' );
		update_option( 'civicloop_settings', array( 'server' => $cmd['server'], 'council' => $cmd['council'] ) );
		$out = array(
			'saved'    => get_option( 'civicloop_settings' ),
			'messages' => array_map( static fn( $e ) => array( 'type' => $e['type'], 'message' => $e['message'] ), get_settings_errors( 'civicloop_settings' ) ),
		);
		break;
	case 'site':
		// A network's new site at /<slug>/ (Network Admin → Sites → Add New), owned by the super admin.
		$network = get_network();
		$id      = get_blog_id_from_url( $network->domain, $network->path . $cmd['slug'] . '/' );
		if ( ! $id ) {
			$id = wp_insert_site(
				array(
					'domain'  => $network->domain,
					'path'    => $network->path . $cmd['slug'] . '/',
					'title'   => $cmd['title'],
					'user_id' => 1,
				)
			);
			// WordPress drops the port from a new site's domain (sanitize_user): this test network
			// runs on a port, so the site gets its network's domain back, and its addresses with it.
			if ( ! is_wp_error( $id ) ) {
				$wpdb->update( $wpdb->blogs, array( 'domain' => $network->domain ), array( 'blog_id' => $id ) );
				clean_blog_cache( $id );
				$address = 'http://' . $network->domain . $network->path . $cmd['slug'];
				update_blog_option( $id, 'home', $address );
				update_blog_option( $id, 'siteurl', $address );
			}
		}
		$out = is_wp_error( $id ) ? array( 'error' => $id->get_error_message() ) : array( 'id' => $id, 'url' => get_home_url( $id, '/' ) );
		break;
	case 'user':
		$id = username_exists( $cmd['login'] );
		if ( ! $id ) {
			$id = wp_insert_user( array( 'user_login' => $cmd['login'], 'user_pass' => $cmd['password'] ?? wp_generate_password(), 'user_email' => $cmd['login'] . '@example.org', 'role' => $cmd['role'] ) );
		}
		// The profile's language (Users → Profile → Language), which the admin and editor use.
		if ( ! empty( $cmd['locale'] ) ) {
			update_user_meta( $id, 'locale', $cmd['locale'] );
		}
		// A new user belongs to the site at `path`; an existing one is added to it (with the role).
		if ( is_multisite() && ! is_user_member_of_blog( $id ) ) {
			add_user_to_blog( get_current_blog_id(), $id, $cmd['role'] );
		}
		$out = array( 'id' => $id, 'unfilteredHtml' => user_can( $id, 'unfiltered_html' ), 'superAdmin' => is_super_admin( $id ) );
		break;
	case 'post':
		wp_set_current_user( $cmd['user'] );
		// A Contributor cannot publish: the post waits for review.
		$status = current_user_can( 'publish_posts' ) ? 'publish' : 'pending';
		$id     = wp_insert_post( wp_slash( array( 'post_title' => $cmd['title'], 'post_content' => $cmd['content'], 'post_status' => $status ) ), true );
		$out    = array( 'id' => $id, 'status' => get_post_status( $id ), 'stored' => get_post_field( 'post_content', $id, 'raw' ) );
		break;
	case 'publish':
		// An Editor reviews and publishes, as the Publish button does: the post saved again as the editor.
		wp_set_current_user( $cmd['user'] );
		$post = get_post( $cmd['id'] );
		wp_update_post( wp_slash( array( 'ID' => $post->ID, 'post_content' => $post->post_content, 'post_status' => 'publish' ) ) );
		$out = array( 'id' => $post->ID, 'status' => get_post_status( $post->ID ), 'stored' => get_post_field( 'post_content', $post->ID, 'raw' ) );
		break;
	case 'render':
		wp_set_current_user( $cmd['user'] );
		$out = array( 'html' => do_shortcode( $cmd['content'] ) );
		break;
	case 'rest':
		wp_set_current_user( $cmd['user'] );
		$response = rest_do_request( new WP_REST_Request( 'GET', $cmd['path'] ) );
		$out      = array( 'status' => $response->get_status(), 'data' => $response->get_data() );
		break;
	default:
		$out = array( 'error' => 'unknown command' );
}
echo wp_json_encode( $out );
