@doc:general-procedure @read-only @needs:anonymous-creation
Feature: The fields of account creation come from authmanagerinfo
  "This module accepts additional parameters depending on the available authentication requests.
  Use action=query&meta=authmanagerinfo with amirequestsfor=create (or a previous response from this
  module, if applicable) to determine the requests available and the fields that they use."
  Example 1: on a wiki without special authentication extensions the fields are
  "username, password & retyped password, email, possibly realname".

  @id:authmanagerinfo-describes-fields @doc:example-1
  Scenario: authmanagerinfo describes the requests and fields that account creation uses
    When I ask authmanagerinfo which fields account creation uses
    Then it says that accounts can be created
    And each request has an id, a required level, a provider, an account and its fields
    And the announced fields include
      | username |
      | password |
      | retype   |
      | email    |
    And the password and its retype are password fields
