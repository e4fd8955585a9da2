<?php
// Deployment settings fragment for environments/local-hcaptcha-1.43.yml ("settings: hcaptcha").
//
// MediaWiki 1.43 with ConfirmEdit's hCaptcha module (bundled with the package: extensions-core/ConfirmEdit/hCaptcha)
// on every account creation, as Wikimedia production guards account creation
// (wikimedia/operations-mediawiki-config, wmf-config/CommonSettings.php: wfLoadExtension( 'ConfirmEdit/hCaptcha' ),
// $wgHCaptchaSiteKey for Special:CreateAccount). The answer is a token that only hcaptcha.com can verify
// (HCaptcha::passCaptcha posts it to https://hcaptcha.com/siteverify): on this machine, without the internet,
// no answer can be verified, which is what a headless client meets in production too.

wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/hCaptcha' ] );
$wgCaptchaClass = 'MediaWiki\\Extension\\ConfirmEdit\\hCaptcha\\HCaptcha';

// Production's account-creation site key (public: it is sent to every browser). The secret is private to
// production; this one is a placeholder that hcaptcha.com would refuse.
$wgHCaptchaSiteKey = 'f1f21d64-6384-4114-b7d0-d9d23e203b4a';
$wgHCaptchaSecretKey = '0x0000000000000000000000000000000000000000';
$wgHCaptchaSendRemoteIP = false;

$wgCaptchaTriggers['createaccount'] = true;
