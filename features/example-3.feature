@interactive @doc:example-3 @needs:anonymous-creation @needs:third-party-provider
Feature: Account creation on a wiki with a CAPTCHA, an OpenID extension and a two-factor authentication extension
  Example 3, "a complex example": "The list of requests returned by API:Authmanagerinfo will include
  definitions for both the CAPTCHA extension and the OpenID extension." Then the general procedure, step 4:
  "If you received REDIRECT, direct the user to the redirecttarget and wait for the return to
  createreturnurl. Then post to this module with createcontinue and any fields passed to the return URL,
  and repeat step 4." "If you received UI, present the new fields to the user and obtain their submission.
  Then post to this module with createcontinue and the relevant fields set, and repeat step 4."
  "If at any point account creation fails, a response with status FAIL will be returned, along with a
  message to display to the user."
  The client chooses the third-party provider from the announced requests alone (a primary-required
  request chosen by a button), follows the redirect like a browser, and answers a two-factor setup from
  the secret the UI response gives; these scenarios apply wherever authmanagerinfo announces such a provider.

  @id:example-3 @needs:captcha @needs:second-factor-setup @creates-account
  Scenario: The complex example, step by step
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    Then account creation answers REDIRECT with a redirecttarget and the requests to continue with
    When I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue
    Then account creation answers UI with a message and the requests to continue with
    And the UI asks to set up two-factor authentication with a secret, a code field and a skip2FASetup button
    When I set up two-factor authentication with the current code
    Then account creation passes for that username
    And the account exists
    And the newusers log records its creation

  @id:example-3-skip-2fa @needs:second-factor-setup @creates-account
  Scenario: The user skips the two-factor authentication setup
    "Now the client would prompt the user to set up a new account in their two-factor authentication app
    and enter the current code, or allow the user to skip 2FA setup."
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    And I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue
    Then account creation answers UI with a message and the requests to continue with
    When I skip the two-factor authentication setup
    Then account creation passes for that username
    And the account exists
    And the newusers log records its creation

  @id:example-3-wrong-totp @needs:second-factor-setup @creates-account
  Scenario: A wrong two-factor code shows the setup again, and the account creation has not succeeded
    The UI comes back with an error message; until a PASS, "the operation" has not succeeded.
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    And I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue
    And I set up two-factor authentication with a wrong code
    Then account creation answers UI with a message and the requests to continue with
    And the UI asks to set up two-factor authentication with a secret, a code field and a skip2FASetup button
    And no account exists while account creation has not passed

  @id:ui-message-format @needs:second-factor-setup @creates-account
  Scenario: createmessageformat applies to the message of a UI response
    "createmessageformat: Format to use for returning messages." With raw, the message is its key and parameters.
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    And I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue, asking for messages as raw
    Then the message comes as raw, with its key and parameters instead of text
    And its messagecode is the message key

  @id:redirect-wrong-state @may-create-account
  Scenario: Returning with a state that is not the one the provider was given fails
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    And I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue, but with another state
    Then account creation fails with the third-party provider's own message
    And no account was created

  @id:redirect-missing-code @may-create-account
  Scenario: Returning without the code fails
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    And I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue, but without the code
    Then account creation fails with the third-party provider's own message
    And no account was created

  @id:redirect-replayed-state @creates-account
  Scenario: The code and state of an earlier redirect cannot be replayed in a new account creation
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication
    And I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue
    And I start another account creation through the third-party authentication
    And I post the code and state of the earlier redirect with createcontinue
    Then account creation fails with the third-party provider's own message
    And no account was created

  @id:createmergerequestfields @creates-account
  Scenario: createmergerequestfields merges the field information of all requests
    "createmergerequestfields: Merge field information for all authentication requests into one array."
    Given I have fetched the fields and a createaccount token
    When I answer the CAPTCHA and select the third-party authentication, asking for merged field information
    Then account creation answers REDIRECT with a redirecttarget and the requests to continue with
    And the response merges the fields of all its requests into one fields array
    When I follow the redirecttarget like a browser until it returns to createreturnurl
    And I post the fields passed to the return URL with createcontinue
    Then account creation answers UI with a message and the requests to continue with

  @id:createpreservestate @needs:third-party-login @needs:second-factor-setup @creates-account
  Scenario: createpreservestate continues from a failed login through the third-party provider
    "If you received RESTART, that means the authentication worked but we don't have a linked user
    account." "createpreservestate: Preserve state from a previous failed login attempt, if possible. If
    action=query&meta=authmanagerinfo returned true for hasprimarypreservedstate, requests marked as
    primary-required should be omitted. If it returned a non-empty value for preservedusername, that
    username must be used for the username parameter."
    When I log in through the third-party authentication and return from it
    Then the login answers RESTART with a message, as the third-party account is linked to no local account
    And authmanagerinfo for account creation announces hasprimarypreservedstate and a preservedusername
    When I create the account with createpreservestate, omitting the primary-required requests and using the preserved username
    Then account creation answers UI with a message and the requests to continue with
    When I skip the two-factor authentication setup
    Then account creation passes for that username
    And the account exists
    And the newusers log records its creation
