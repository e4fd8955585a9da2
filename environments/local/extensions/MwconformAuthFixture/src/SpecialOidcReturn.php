<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use UnlistedSpecialPage;

/**
 * The wiki's return page (Special:OpenIDConnectReturn in the documentation): the provider sends the
 * browser here; it checks that the answer belongs to an attempt this wiki started and sends the
 * browser on to that attempt's createreturnurl (or loginreturnurl) with code and state added. The
 * API request with createcontinue then verifies state and code against the client's session.
 */
class SpecialOidcReturn extends UnlistedSpecialPage {
	public function __construct() {
		parent::__construct( 'MwconformOidcReturn' );
	}

	public function execute( $par ) {
		$request = $this->getRequest();
		$out = $this->getOutput();
		$out->disableClientCache();
		$state = (string)$request->getVal( 'state', '' );
		$code = (string)$request->getVal( 'code', '' );
		$returnUrl = $state === '' ? null : OidcStandIn::returnUrlFor( $state );
		if ( $code === '' || $returnUrl === null ) {
			$out->disable();
			$request->response()->statusHeader( 400 );
			$request->response()->header( 'Content-Type: text/plain; charset=utf-8' );
			echo "invalid OpenID Connect response: no code, or a state this wiki did not issue\n";
			return;
		}
		$out->redirect( wfAppendQuery( $returnUrl, [ 'code' => $code, 'state' => $state ] ), '302' );
	}
}
