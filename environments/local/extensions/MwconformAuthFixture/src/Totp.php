<?php
namespace MediaWiki\Extension\MwconformAuthFixture;

/** RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) and the RFC 4648 base32 its secrets use. */
class Totp {
	private const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

	public static function newSecret(): string {
		return self::base32Encode( random_bytes( 10 ) );
	}

	/** The code for $time, RFC 4226 dynamic truncation of HMAC-SHA-1 over the step counter. */
	public static function code( string $secret, int $time ): string {
		$counter = pack( 'J', intdiv( $time, 30 ) );
		$hash = hash_hmac( 'sha1', $counter, self::base32Decode( $secret ), true );
		$offset = ord( $hash[19] ) & 0x0f;
		$value = ( ( ord( $hash[$offset] ) & 0x7f ) << 24 ) | ( ord( $hash[$offset + 1] ) << 16 )
			| ( ord( $hash[$offset + 2] ) << 8 ) | ord( $hash[$offset + 3] );
		return str_pad( (string)( $value % 1000000 ), 6, '0', STR_PAD_LEFT );
	}

	/** One step either side, for clock skew and a code typed at a step's end. */
	public static function verify( string $secret, string $code, int $now ): bool {
		$code = preg_replace( '/\s+/', '', $code );
		foreach ( [ 0, -30, 30 ] as $skew ) {
			if ( hash_equals( self::code( $secret, $now + $skew ), $code ) ) {
				return true;
			}
		}
		return false;
	}

	/** "6CO3 2AKV EP2X MIV5", as the documentation shows a secret. */
	public static function display( string $secret ): string {
		return trim( chunk_split( $secret, 4, ' ' ) );
	}

	public static function base32Encode( string $bytes ): string {
		$bits = '';
		foreach ( str_split( $bytes ) as $byte ) {
			$bits .= str_pad( decbin( ord( $byte ) ), 8, '0', STR_PAD_LEFT );
		}
		$out = '';
		foreach ( str_split( $bits, 5 ) as $chunk ) {
			$out .= self::ALPHABET[bindec( str_pad( $chunk, 5, '0' ) )];
		}
		return $out;
	}

	public static function base32Decode( string $text ): string {
		$text = strtoupper( preg_replace( '/[\s=]+/', '', $text ) );
		$bits = '';
		foreach ( str_split( $text ) as $char ) {
			$bits .= str_pad( decbin( strpos( self::ALPHABET, $char ) ), 5, '0', STR_PAD_LEFT );
		}
		$out = '';
		foreach ( str_split( $bits, 8 ) as $byte ) {
			if ( strlen( $byte ) === 8 ) {
				$out .= chr( bindec( $byte ) );
			}
		}
		return $out;
	}
}
