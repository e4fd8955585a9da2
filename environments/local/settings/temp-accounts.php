<?php
// Deployment settings fragment for environments/local-temp-1.43.yml ("settings: temp-accounts").
//
// MediaWiki 1.43 with temporary accounts configured the way Wikimedia production configures them, from
// wikimedia/operations-mediawiki-config (wmf-config/CommonSettings.php, section "Temporary accounts", and
// wmf-config/InitialiseSettings.php, wgTempAccountCreationThrottle), as far as it applies to a single wiki
// without CentralAuth. Everything else is stock (local-vanilla-1.43).

// "Ensure temporary accounts behave the same on all wikis where they are enabled."
$wgAutoCreateTempUser['enabled'] = true;
$wgAutoCreateTempUser['known'] = true;

// T357586: temporary users are in the implicit group 'temp'.
$wgImplicitGroups[] = 'temp';

// T361021: no user may be created whose name matches temporary account names (used even when not enabled).
$wgAutoCreateTempUser['reservedPattern'] = '~2$1';

// Production's branch for a wiki without CentralAuth: the local serial provider, 8 shards, and the year.
$wgAutoCreateTempUser['serialProvider'] = [ 'type' => 'local', 'numShards' => 8 ];
$wgAutoCreateTempUser['serialProvider']['useYear'] = true;

// T349507: match only ~2$1 (the year starts with 2).
$wgAutoCreateTempUser['matchPattern'] = '~2$1';

// Production uses [ 'type' => 'readable-numeric', 'offset' => 1500 ] since July 2025 (T381845); MediaWiki 1.43
// has no 'readable-numeric' mapping (TempUserCreator::SERIAL_MAPPING_TYPES), so this is what production used
// before that change: numbers start at 1500 (T337090).
$wgAutoCreateTempUser['serialMapping'] = [ 'type' => 'plain-numeric', 'offset' => 1500 ];

// T412222: production's default temporary-account creation throttle, per IP address.
$wgTempAccountCreationThrottle = [
	[ 'count' => 1, 'seconds' => 600 ],
	[ 'count' => 2, 'seconds' => 86400 ],
	[ 'count' => 4, 'seconds' => 86400 * 7 ],
	[ 'count' => 6, 'seconds' => 86400 * 30 ],
];
