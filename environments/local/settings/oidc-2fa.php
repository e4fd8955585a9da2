<?php
// Deployment settings fragment for environments/local-oidc-2fa.yml ("settings: oidc-2fa").
//
// The wiki of the documentation's "complex example" (example 3): a CAPTCHA, an OpenID Connect
// login and a two-factor authentication extension. No extension bundled with MediaWiki 1.39 makes
// account creation answer REDIRECT or UI, so the fixture extension next to these settings does
// (environments/local/extensions/MwconformAuthFixture, see its README):
// - OidcPrimaryAuthenticationProvider: "Log in with OpenID Connect" answers REDIRECT to a stand-in
//   provider served by this same wiki (Special:MwconformOidcAuthorize), which sends the browser back
//   through Special:MwconformOidcReturn to createreturnurl with code and state;
// - TwoFactorSetupSecondaryAuthenticationProvider: then UI to set up two-factor authentication
//   (secret, otpauth URI, a TOTP code or the skip2FASetup button).
// ConfirmEdit asks its default CAPTCHA (SimpleCaptcha, arithmetic) on every account creation.
// Password accounts work as on local-vanilla (no two-factor setup is asked of them).

wfLoadExtension( 'ConfirmEdit' );
$wgCaptchaTriggers['createaccount'] = true;

// Loaded by path: the extension lives in this repository, not in the MediaWiki install.
wfLoadExtension( 'MwconformAuthFixture', __DIR__ . '/../extensions/MwconformAuthFixture/extension.json' );
