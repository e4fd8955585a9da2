@doc:general-procedure @read-only
Feature: A createaccount token
  The general procedure, step 1: "Fetch the fields available from action=query&meta=authmanagerinfo
  with amirequestsfor=create, and a createaccount token from action=query&meta=tokens."
  The createtoken parameter is "A "createaccount" token retrieved from action=query&meta=tokens".

  @id:token-issued
  Scenario: The wiki issues a createaccount token to an anonymous client
    When I fetch a createaccount token
    Then I receive a createaccount token
    And the token has the form of the documentation's example
