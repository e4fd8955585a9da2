<?php
// Deployment settings fragment for environments/local-closed.yml ("settings: closed").
//
// Differs from stock MediaWiki 1.39 (local-vanilla) only in this: anonymous users may not
// create accounts. In stock 1.39 only '*' and 'sysop' have the 'createaccount' right
// (includes/config-schema.php GroupPermissions), so after this only sysops can.

$wgGroupPermissions['*']['createaccount'] = false;
