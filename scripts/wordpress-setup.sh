#!/usr/bin/env bash
# A fresh WordPress from Debian's packages (wordpress, apache2, libapache2-mod-php, php-mysql,
# mariadb-server; .ci/run installs them) for tests/wordpress: MariaDB with an emptied database,
# Apache on 127.0.0.1:$WP_PORT (default 8181) serving /usr/share/wordpress, the host config Debian's
# wp-config.php reads (/etc/wordpress/config-127.0.0.1.php), and the site installed over HTTP
# (wp-admin/install.php, as a person would; WP-CLI is not packaged). Run as root. Idempotent: every
# run starts from an empty site. Prints the site's URL.
set -euo pipefail
port="${WP_PORT:-8181}"
host=127.0.0.1
url="http://$host:$port"
db=civicloop_wp
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
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
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

# A plugin left from an earlier run goes: the test installs the zip it built.
rm -rf "$content/plugins/civicloop"

cat >/etc/apache2/sites-available/civicloop-wordpress.conf <<CONF
Listen $host:$port
<VirtualHost $host:$port>
  DocumentRoot /usr/share/wordpress
  DirectoryIndex index.php
  Alias /wp-content $content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    Require all granted
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
a2ensite -q civicloop-wordpress >/dev/null
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
echo "$url"
