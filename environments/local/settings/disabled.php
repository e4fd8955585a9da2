<?php
// Deployment settings fragment for environments/local-disabled.yml ("settings: disabled").
//
// Differs from stock MediaWiki 1.39 (local-vanilla) only in this: the API module
// action=createaccount is switched off the way the documentation says to disable an action=
// module (API:Restricting API usage, Manual:$wgAPIModules): with ApiDisabled
// (includes/api/ApiDisabled.php), whose execute() always fails with apierror-moduledisabled.
// Special:CreateAccount and meta=authmanagerinfo are not affected.

$wgAPIModules['createaccount'] = 'ApiDisabled';
