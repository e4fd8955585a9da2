<?php
// Deployment settings fragment for environments/local-wikimedia.yml ("settings: wikimedia").
//
// Account creation configured like Wikimedia production's (test.wikipedia.org), from the extensions
// Debian's mediawiki package bundles:
// - ConfirmEdit with FancyCaptcha: an image CAPTCHA on every account creation. The images are made at
//   install time by ConfirmEdit's own generator (maintenance/GenerateFancyCaptchas.php, which runs
//   captcha.py with Debian's python3-pil and the DejaVu font): see wikimedia.provision.sh.
// - TitleBlacklist with a local blacklist file (wikimedia-titleblacklist.txt) that forbids some new
//   usernames: a refused name gives FAIL titleblacklist-forbidden.
// - AbuseFilter with one filter, provisioned by wikimedia.provision.sh, that disallows creating accounts
//   whose name matches a pattern: FAIL abusefilter-disallowed.
// - An account creation throttle like production's: 6 per IP per day.
// - The creator (Mwconform-creator) in the group 'accountcreator', which holds skipcaptcha and
//   noratelimit, as account creators on Wikimedia wikis do (and not tboverride: the blacklist applies
//   to it).
// None of the rules matches the usernames mwconform generates (PREFIX-RUNID-xxxxxx).

wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/FancyCaptcha', 'TitleBlacklist', 'AbuseFilter' ] );

// 1.39's ConfirmEdit defines the class globally; 1.43's namespaces it and keeps this name as an alias.
$wgCaptchaClass = 'FancyCaptcha';
$wgCaptchaTriggers['createaccount'] = true;
$wgCaptchaDirectory = dirname( $wgCacheDirectory ) . '/captcha';  // the working folder's captcha/ (mwconform wiki up sets the cache folder there)
$wgCaptchaDirectoryLevels = 0;
// Not a secret worth protecting on a throwaway wiki; it only salts the image file names.
$wgCaptchaSecret = 'mwconform-local-wikimedia';

$wgTitleBlacklistSources = [
	'mwconform-file' => [ 'type' => 'file', 'src' => __DIR__ . '/wikimedia-titleblacklist.txt' ],
];
$wgTitleBlacklistUsernameSources = '*';

// Wikimedia's default is 6 account creations per IP per day (wmf-config InitialiseSettings.php,
// wgAccountCreationThrottle); the counter lives in APCu (CACHE_ACCEL, set by mwconform wiki up).
$wgAccountCreationThrottle = [ [ 'count' => 6, 'seconds' => 86400 ] ];

$wgGroupPermissions['accountcreator']['createaccount'] = true;
$wgGroupPermissions['accountcreator']['noratelimit'] = true;
$wgGroupPermissions['accountcreator']['skipcaptcha'] = true;
// Anonymous visitors may see the filters' public descriptions and actions, as on Wikimedia wikis.
$wgGroupPermissions['*']['abusefilter-view'] = true;
$wgGroupPermissions['*']['abusefilter-log'] = true;
