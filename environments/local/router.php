<?php
/**
 * Router for PHP's built-in web server: lets the one, read-only MediaWiki install of
 * Debian's package (the document root) serve one deployment of environments/local.
 *
 * Started by mwconform wiki up (org.mwconform.wikis), one server per deployment:
 *   MWCONFORM_CONFIG=<working folder>/LocalSettings.php \
 *     php -S 127.0.0.1:PORT -t /usr/share/mediawiki router.php
 *
 * - api.php, index.php, load.php, rest.php (and the other web entry points) run with
 *   MW_CONFIG_FILE set to the deployment's own LocalSettings.php (MediaWiki 1.39 reads the
 *   constant in includes/BootstrapHelperFunctions.php, wfDetectLocalSettingsFile()).
 * - "/" runs index.php (main page).
 * - Any other *.php is refused (404): maintenance scripts and includes are not entry points.
 * - Everything else (resources/, skins/, extensions/ assets) is served as a static file
 *   from the document root by the built-in server itself.
 */

$mwconform = [
	'config' => getenv( 'MWCONFORM_CONFIG' ),
	'root' => rtrim( $_SERVER['DOCUMENT_ROOT'], '/' ),
	'path' => parse_url( $_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH ) ?: '/',
];

if ( !$mwconform['config'] || !is_readable( $mwconform['config'] ) ) {
	http_response_code( 500 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "router.php: MWCONFORM_CONFIG does not name a readable LocalSettings.php\n";
	return true;
}

// Who serves this port: the engine tells its own wiki from another checkout's (sha1 of the settings path,
// so no path of this machine is sent).
header( 'X-Mwconform-Wiki: ' . sha1( $mwconform['config'] ) );

if ( $mwconform['path'] === '/' ) {
	$mwconform['path'] = '/index.php';
}

if ( preg_match(
	// An optional /w prefix: a deployment may set $wgScriptPath = '/w', as Wikimedia wikis do.
	'#^(?:/w)?/(api|index|load|rest|opensearch_desc|thumb|thumb_handler|img_auth)\.php(/.*)?$#',
	$mwconform['path'],
	$mwconformMatch
) ) {
	$mwconform['script'] = $mwconformMatch[1] . '.php';
	$mwconform['pathInfo'] = $mwconformMatch[2] ?? '';
	unset( $mwconformMatch );

	$_SERVER['SCRIPT_NAME'] = '/' . $mwconform['script'];
	$_SERVER['SCRIPT_FILENAME'] = $mwconform['root'] . '/' . $mwconform['script'];
	$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'] . $mwconform['pathInfo'];
	if ( $mwconform['pathInfo'] !== '' ) {
		$_SERVER['PATH_INFO'] = $mwconform['pathInfo'];
	} else {
		// api.php answers any PATH_INFO with a 301 (T128209): never leave a stale one.
		unset( $_SERVER['PATH_INFO'] );
	}

	define( 'MW_CONFIG_FILE', $mwconform['config'] );
	chdir( $mwconform['root'] );
	$mwconformEntry = $_SERVER['SCRIPT_FILENAME'];
	unset( $mwconform );
	require $mwconformEntry;
	return true;
}

if ( substr( $mwconform['path'], -4 ) === '.php' ) {
	http_response_code( 404 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "Not an entry point\n";
	return true;
}

// Static file (or 404) from the document root.
return false;
