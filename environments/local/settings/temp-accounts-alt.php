<?php
// Deployment settings fragment for the test-only deployment local-temp-alt-1.43
// (src/test/resources/environments/local-temp-alt-1.43.yml, "settings: temp-accounts-alt").
//
// MediaWiki 1.43 with temporary accounts configured unlike production (local-temp-1.43): other patterns
// (a prefix and a suffix, two match patterns), another serial format (no year, base 36) and another
// throttle. A harness that assumed '~', a year or production's throttle would fail here.

$wgAutoCreateTempUser['enabled'] = true;
$wgAutoCreateTempUser['known'] = true;
$wgAutoCreateTempUser['genPattern'] = 'Guest*$1*';
$wgAutoCreateTempUser['matchPattern'] = [ 'Guest*$1*', 'Visitor*$1' ];
$wgAutoCreateTempUser['reservedPattern'] = 'Guest*$1';
$wgAutoCreateTempUser['serialProvider'] = [ 'type' => 'local', 'useYear' => false ];
$wgAutoCreateTempUser['serialMapping'] = [ 'type' => 'filtered-radix', 'radix' => 36, 'uppercase' => true, 'badIndexes' => [ 1, 2 ] ];

// Three temporary accounts per IP address per hour.
$wgTempAccountCreationThrottle = [ [ 'count' => 3, 'seconds' => 3600 ] ];
