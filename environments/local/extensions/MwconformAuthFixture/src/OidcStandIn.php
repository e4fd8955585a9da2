<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

use BagOStuff;
use MWCryptRand;
use ObjectCache;
use SpecialPage;

/**
 * The stand-in OpenID Connect provider's memory, shared by the PHP server's workers (the wiki's
 * object cache, APCu on the local deployments): authorization codes it issued, which return URL
 * each login state belongs to, and which local account each third-party subject is linked to.
 *
 * A real relying party exchanges the code at the provider's token endpoint; here the primary
 * provider redeems it from this store directly (one process calling itself over HTTP would tie up
 * the PHP built-in server's few workers). Redeeming deletes the code: a code works once.
 */
class OidcStandIn {
	public const CLIENT_ID = 'mwconform-wiki';
	private const TTL = 600;

	public static function authorizeUrl( string $state, string $nonce ): string {
		return wfAppendQuery( SpecialPage::getTitleFor( 'MwconformOidcAuthorize' )->getFullURL(), [
			'scope' => 'openid',
			'response_type' => 'code',
			'client_id' => self::CLIENT_ID,
			'redirect_uri' => self::redirectUri(),
			'state' => $state,
			'nonce' => $nonce,
		] );
	}

	/** The wiki page the provider sends the browser back to (Special:OpenIDConnectReturn in the documentation). */
	public static function redirectUri(): string {
		return SpecialPage::getTitleFor( 'MwconformOidcReturn' )->getFullURL();
	}

	public static function newSecret(): string {
		return MWCryptRand::generateHex( 32 );
	}

	/** The primary remembers where the browser must finally land for this state. */
	public static function rememberReturnUrl( string $state, string $returnUrl ): void {
		self::cache()->set( self::key( 'return', $state ), $returnUrl, self::TTL );
	}

	public static function returnUrlFor( string $state ): ?string {
		$url = self::cache()->get( self::key( 'return', $state ) );
		return is_string( $url ) ? $url : null;
	}

	/** The provider issues a code for an authenticated subject. */
	public static function issueCode( string $state, string $nonce, string $subject ): string {
		$code = self::newSecret();
		self::cache()->set( self::key( 'code', $code ), [
			'state' => $state, 'nonce' => $nonce, 'subject' => $subject,
			'preferred_username' => 'Mwconform-oidc-' . substr( $subject, 0, 8 ),
		], self::TTL );
		return $code;
	}

	/** The relying party redeems a code once: the identity it stands for, or null when unknown or used. */
	public static function redeemCode( string $code ): ?array {
		$cache = self::cache();
		$key = self::key( 'code', $code );
		$identity = $cache->get( $key );
		$cache->delete( $key );
		return is_array( $identity ) ? $identity : null;
	}

	public static function link( string $subject, string $username ): void {
		self::cache()->set( self::key( 'link', $subject ), $username, BagOStuff::TTL_INDEFINITE );
		self::cache()->set( self::key( 'linked-user', $username ), $subject, BagOStuff::TTL_INDEFINITE );
	}

	public static function linkedUser( string $subject ): ?string {
		$user = self::cache()->get( self::key( 'link', $subject ) );
		return is_string( $user ) ? $user : null;
	}

	public static function hasLinkedSubject( string $username ): bool {
		return is_string( self::cache()->get( self::key( 'linked-user', $username ) ) );
	}

	private static function cache(): BagOStuff {
		return ObjectCache::getLocalClusterInstance();
	}

	private static function key( string $kind, string $id ): string {
		return self::cache()->makeKey( 'mwconform-oidc', $kind, md5( $id ) );
	}
}
