#!/usr/bin/env bash
# A fresh WordPress from Debian's packages (wordpress, apache2, libapache2-mod-php, php-mysql,
# mariadb-server; .ci/run installs them) for tests/wordpress: MariaDB with an emptied database,
# Apache on 127.0.0.1:$WP_PORT (default 8181) serving /usr/share/wordpress, the host config Debian's
# wp-config.php reads (/etc/wordpress/config-127.0.0.1.php), and the site installed over HTTP
# (wp-admin/install.php, as a person would; WP-CLI is not packaged). Run as root. Idempotent: every
# run starts from an empty site. Prints the site's URL.
#
# WP_MULTISITE=1 makes a network instead (default http://localhost:8182, database civicloop_wpms),
# sub-sites in sub-folders: the site installed the same way, then turned into a network as
# WP-CLI's `core multisite-convert` does (install_network and populate_network, through PHP), with
# the MULTISITE constants added to its config and mod_rewrite's rules for sub-folder sites. Debian's
# wp-config.php picks the config by host name without the port, hence `localhost` here.
set -euo pipefail
multisite="${WP_MULTISITE:-}"
if [ -n "$multisite" ]; then
  port="${WP_PORT:-8182}"
  host=localhost
  db=civicloop_wpms
  site=civicloop-wordpress-multisite
else
  port="${WP_PORT:-8181}"
  host=127.0.0.1
  db=civicloop_wp
  site=civicloop-wordpress
fi
url="http://$host:$port"
content=/var/lib/wordpress/wp-content

# MariaDB: started directly (policy-rc.d may refuse service scripts in containers).
if ! mysqladmin ping --silent 2>/dev/null; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  (mysqld_safe >/dev/null 2>&1 &)
  for _ in $(seq 1 100); do mysqladmin ping --silent 2>/dev/null && break; sleep 0.2; done
  mysqladmin ping --silent
fi
mysql -u root <<SQL
DROP DATABASE IF EXISTS $db;
CREATE DATABASE $db DEFAULT CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'civicloop_wp'@'localhost' IDENTIFIED BY 'civicloop_wp';
GRANT ALL ON $db.* TO 'civicloop_wp'@'localhost';
SQL

mkdir -p /etc/wordpress
cat >"/etc/wordpress/config-$host.php" <<PHP
<?php
// Written by scripts/wordpress-setup.sh for tests/wordpress.
define('DB_NAME', '$db');
define('DB_USER', 'civicloop_wp');
define('DB_PASSWORD', 'civicloop_wp');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '$content');
PHP
# A network's sites each have their own address: no WP_HOME / WP_SITEURL there.
[ -n "$multisite" ] || cat >>"/etc/wordpress/config-$host.php" <<PHP
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
PHP
cat >>"/etc/wordpress/config-$host.php" <<PHP
define('FS_METHOD', 'direct');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost');
\$table_prefix = 'wp_';
PHP
for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
  echo "define('$k', '$(head -c 32 /dev/urandom | base64 | tr -d '/+=')');" >>"/etc/wordpress/config-$host.php"
done
chmod 640 "/etc/wordpress/config-$host.php" && chgrp www-data "/etc/wordpress/config-$host.php"

# A plugin left from an earlier run goes: the test installs the zip it built. (The network shares
# the plugins folder with the single site, whose setup does this.)
[ -n "$multisite" ] || rm -rf "$content/plugins/civicloop"

# A sub-folder network's rules (WordPress's own, from Network Setup), for every site's admin,
# assets and pages under /<site>/.
rewrite=''
if [ -n "$multisite" ]; then
  a2enmod -q rewrite >/dev/null
  rewrite='    RewriteEngine On
    RewriteBase /
    RewriteRule ^index\.php$ - [L]
    RewriteRule ^([_0-9a-zA-Z-]+/)?wp-admin$ $1wp-admin/ [R=301,L]
    RewriteCond %{REQUEST_FILENAME} -f [OR]
    RewriteCond %{REQUEST_FILENAME} -d
    RewriteRule ^ - [L]
    RewriteRule ^([_0-9a-zA-Z-]+/)?(wp-(content|admin|includes).*) $2 [L]
    RewriteRule ^([_0-9a-zA-Z-]+/)?(.*\.php)$ $2 [L]
    RewriteRule . index.php [L]'
fi
cat >/etc/apache2/sites-available/$site.conf <<CONF
Listen 127.0.0.1:$port
<VirtualHost 127.0.0.1:$port>
  DocumentRoot /usr/share/wordpress
  DirectoryIndex index.php
  Alias /wp-content $content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    Require all granted
$rewrite
  </Directory>
  <Directory $content>
    Options FollowSymLinks
    Require all granted
  </Directory>
</VirtualHost>
CONF
# Only this site: Debian's default site listens on port 80, which a test machine may not give.
a2dissite -q 000-default >/dev/null 2>&1 || true
sed -i 's/^Listen 80$/# Listen 80/; s/^\(\s*\)Listen 443$/\1# Listen 443/' /etc/apache2/ports.conf
a2ensite -q $site >/dev/null
if apachectl status >/dev/null 2>&1 || pgrep -x apache2 >/dev/null; then apachectl -k graceful; else apachectl -k start; fi
for _ in $(seq 1 100); do curl -fsS -o /dev/null "$url/wp-admin/install.php" 2>/dev/null && break; sleep 0.2; done

curl -fsS -o /dev/null "$url/wp-admin/install.php?step=2" \
  --data-urlencode weblog_title='Riverside test site' \
  --data-urlencode user_name=admin \
  --data-urlencode admin_password=admin-password-for-tests \
  --data-urlencode admin_password2=admin-password-for-tests \
  --data-urlencode pw_weak=1 \
  --data-urlencode admin_email=admin@example.org \
  --data-urlencode blog_public=0

if [ -n "$multisite" ]; then
  # The site becomes the network's main site (as WP-CLI's `core multisite-convert` does), then
  # the config says so.
  php -r '
    $_SERVER["HTTP_HOST"] = $argv[1];
    $_SERVER["SERVER_NAME"] = "localhost";
    require "/usr/share/wordpress/wp-load.php";
    require_once ABSPATH . "wp-admin/includes/upgrade.php";
    // Not a network yet, so $wpdb does not name the network tables: named here, as WP-CLI does.
    foreach ($wpdb->tables("ms_global") as $table => $prefixed) { $wpdb->$table = $prefixed; }
    install_network();
    $result = populate_network(1, $argv[1], "admin@example.org", "Council network", "/", false);
    if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message() . PHP_EOL); exit(1); }
    if (1 !== (int) $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->blogs")) { fwrite(STDERR, "no network made" . PHP_EOL); exit(1); }
  ' "$host:$port"
  cat >>"/etc/wordpress/config-$host.php" <<PHP
define('MULTISITE', true);
define('SUBDOMAIN_INSTALL', false);
define('DOMAIN_CURRENT_SITE', '$host:$port');
define('PATH_CURRENT_SITE', '/');
define('SITE_ID_CURRENT_SITE', 1);
define('BLOG_ID_CURRENT_SITE', 1);
PHP
fi
echo "$url"
