<?php
// Deployment settings fragment for environments/local-throttled.yml ("settings: throttled").
//
// Differs from stock MediaWiki 1.39 (local-vanilla) only in the account creation throttle:
// 1 attempt per client IP per 24 hours (stock 1.39: count 0, i.e. no throttle).
//
// How 1.39 applies it (includes/auth/ThrottlePreAuthenticationProvider.php, Throttler.php):
// - ThrottlePreAuthenticationProvider::testForAccountCreation counts per IP as
//   WebRequest::getIP() sees it: REMOTE_ADDR (X-Forwarded-For only from trusted proxies, none
//   here). Every attempt that reaches the pre-authentication tests counts, successful or not
//   (badretype, passwordincommonlist...); refusals before them in AuthManager::beginAccountCreation
//   (invaliduser, permissiondenied, userexists, invalidemailaddress) and the throttle's own
//   refusals do not. Over the limit: FAIL, messagecode acct_creation_throttle_hit, message
//   params [ limit, { duration: seconds } ].
// - The counter lives in ObjectCache::getLocalClusterInstance(), i.e. $wgMainCacheType. With
//   CACHE_NONE (MediaWiki's default; install.php writes CACHE_ACCEL when APCu is there) the
//   counter never sticks and nothing is ever throttled (checked: 3 PASS in a row).
//   mwconform wiki up sets CACHE_ACCEL (APCu, shared by the PHP server's workers, lost when
//   the server stops: `mwconform wiki down local-throttled && mwconform wiki up local-throttled` resets the throttle).
// - Exempt: creators with the 'noratelimit' right (sysop, bureaucrat, bot), IPs in
//   $wgRateLimitsExcludedIPs, and IPs a hook ExemptFromAccountCreationThrottle handler exempts.

$wgMainCacheType = CACHE_ACCEL;  // already set by mwconform wiki up (mwconform.php); the throttle needs it
$wgAccountCreationThrottle = [ [ 'count' => 1, 'seconds' => 86400 ] ];
