<?php
// Deployment settings fragment for environments/local-captcha.yml ("settings: captcha").
//
// Differs from stock MediaWiki 1.39 (local-vanilla) only in a captcha on account creation:
// ConfirmEdit with QuestyCaptcha, both bundled with Debian's mediawiki package
// (extensions/ConfirmEdit, i.e. the package's extensions-core/ConfirmEdit, version 1.6.0).
// The captcha is offered as a CaptchaAuthenticationRequest (fields captchaId, captchaInfo =
// the question, captchaWord = the answer) by meta=authmanagerinfo&amirequestsfor=create and
// checked by CaptchaPreAuthenticationProvider::testForAccountCreation.

wfLoadExtensions( [ 'ConfirmEdit', 'ConfirmEdit/QuestyCaptcha' ] );

// The class ConfirmEdit 1.6.0 (REL1_39) defines: global, in QuestyCaptcha/includes/QuestyCaptcha.php
// (later ConfirmEdit versions namespace it; Hooks::getInstance() does `new $wgCaptchaClass`).
$wgCaptchaClass = 'QuestyCaptcha';

// Ask on every account creation (ConfirmEdit's default, stated so that it cannot drift).
$wgCaptchaTriggers['createaccount'] = true;

// Question => answer. Answers are compared case-insensitively (QuestyCaptcha::keyMatch); an
// array lists several accepted answers. A test client can solve the captcha by looking the
// question (captchaInfo's value) up here. Plain text only: the question is shown as raw HTML.
$wgCaptchaQuestions = [
	'mwconform question 1: what is 2 + 3? (digits)' => '5',
	'mwconform question 2: type the word conformance backwards' => 'ecnamrofnoc',
	'mwconform question 3: what colour is the sky on a clear day? (one word)' => 'blue',
];

// Logged-in users are not asked (ConfirmEdit's skipcaptcha right; its default gives it to bots and
// sysops only): the third way a client gets past the CAPTCHA, next to computing and knowing the answer.
$wgGroupPermissions['user']['skipcaptcha'] = true;
