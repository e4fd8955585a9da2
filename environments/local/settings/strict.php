<?php
// Deployment settings fragment for environments/local-strict.yml ("settings: strict").
//
// A wiki configured unlike the others, to prove that no scenario assumes MediaWiki's defaults:
// - the API under /w/ ($wgScriptPath = '/w', as on Wikimedia wikis): http://127.0.0.1:PORT/w/api.php;
// - a longer password minimum for everyone: 12 characters (stock 1.39: 1 for users; the common-password
//   scenario then needs a 12-character common password, which it chooses with action=validatepassword);
// - other username rules: '!' and '%' may not appear in usernames ($wgInvalidUsernameCharacters), and at
//   most 60 characters ($wgMaxNameChars; stock 255);
// - a throttle of 3 account creations per IP per day (the environment file declares it).

$wgScriptPath = '/w';
$wgResourceBasePath = $wgScriptPath;
$wgPasswordPolicy['policies']['default']['MinimalPasswordLength'] = [ 'value' => 12, 'suggestChangeOnLogin' => true ];
$wgPasswordPolicy['policies']['default']['MinimumPasswordLengthToLogin'] = 1;
$wgInvalidUsernameCharacters = '@:>=!%';
$wgMaxNameChars = 60;
$wgMainCacheType = CACHE_ACCEL;  // already set by mwconform wiki up (mwconform.php); the throttle needs it
$wgAccountCreationThrottle = [ [ 'count' => 3, 'seconds' => 86400 ] ];
