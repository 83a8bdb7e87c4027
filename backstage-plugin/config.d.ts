export interface Config {
  aws?: {
    /**
     * Sign-in through AWS IAM Identity Center: with it, the plugin's links to the AWS
     * console go through the organisation's AWS access portal, which signs the user in to
     * the right account first. The same key as the AWS plugins for Backstage use.
     */
    sso?: {
      /**
       * The access portal's subdomain: `my-org` for `https://my-org.awsapps.com/start`.
       * Console links of the `aws` partition become shortcut links
       * (`https://my-org.awsapps.com/start/#/console?account_id=…&destination=…`); links
       * into the China and GovCloud consoles stay direct.
       *
       * @visibility frontend
       */
      subdomain?: string;
      /**
       * Permission set to sign in with (`role_name` of the shortcut link). Unset: the
       * portal lets the user choose among theirs.
       *
       * @visibility frontend
       */
      roleName?: string;
    };
  };
}
