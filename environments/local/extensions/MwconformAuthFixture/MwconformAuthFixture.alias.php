<?php
$specialPageAliases = [];
$specialPageAliases['en'] = [
	'MwconformOidcAuthorize' => [ 'MwconformOidcAuthorize' ],
	'MwconformOidcReturn' => [ 'MwconformOidcReturn' ],
];
