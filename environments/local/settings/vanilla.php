<?php
// Deployment settings fragment for environments/local-vanilla.yml ("settings: vanilla").
//
// Stock MediaWiki 1.39: nothing is changed here on purpose. mwconform wiki up includes
// this file after the LocalSettings.php that maintenance/install.php generated and after the
// harness's own plumbing (server URL, cache and log folders), so anything set here wins.
