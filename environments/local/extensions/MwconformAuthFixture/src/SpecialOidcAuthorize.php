<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use UnlistedSpecialPage;

/**
 * The stand-in OpenID Connect provider's authorize endpoint. Like a real provider it first makes
 * the browser log in (here: a cookie of its own, set on a first visit that redirects back to this
 * same URL), then sends the browser to redirect_uri with a one-time code and the client's state.
 * Bad requests get an HTTP 400 page, as a provider shows an error instead of redirecting.
 */
class SpecialOidcAuthorize extends UnlistedSpecialPage {
	private const COOKIE = 'mwconformOidcProviderSession';

	public function __construct() {
		parent::__construct( 'MwconformOidcAuthorize' );
	}

	public function execute( $par ) {
		$request = $this->getRequest();
		$out = $this->getOutput();
		$out->disableClientCache();
		$state = (string)$request->getVal( 'state', '' );
		$nonce = (string)$request->getVal( 'nonce', '' );
		if ( $request->getVal( 'response_type' ) !== 'code' || $request->getVal( 'client_id' ) !== OidcStandIn::CLIENT_ID
			|| $request->getVal( 'redirect_uri' ) !== OidcStandIn::redirectUri() || $state === '' || $nonce === ''
		) {
			$this->refuse( 'invalid_request: response_type=code, the registered client_id and redirect_uri, state and nonce are required' );
			return;
		}
		$session = $request->getCookie( self::COOKIE, '' );
		if ( !is_string( $session ) || !preg_match( '/^[0-9a-f]{32}$/', $session ) ) {
			// First visit: "log in" at the provider, then come back here.
			$request->response()->setCookie( self::COOKIE, OidcStandIn::newSecret(), 0,
				[ 'prefix' => '', 'httpOnly' => true, 'secure' => false ] );
			$out->redirect( $request->getFullRequestURL(), '302' );
			return;
		}
		$code = OidcStandIn::issueCode( $state, $nonce, hash( 'sha256', 'subject:' . $session . ':' . $state ) );
		$out->redirect( wfAppendQuery( OidcStandIn::redirectUri(), [ 'code' => $code, 'state' => $state ] ), '302' );
	}

	private function refuse( string $why ) {
		$out = $this->getOutput();
		$out->disable();
		$response = $this->getRequest()->response();
		$response->statusHeader( 400 );
		$response->header( 'Content-Type: text/plain; charset=utf-8' );
		echo $why . "\n";
	}
}
