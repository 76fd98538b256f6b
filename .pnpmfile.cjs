// node-gyp downloads Node's headers unless told where they are, and this machine may not reach
// nodejs.org. Node installs its headers beside its binary (<prefix>/include/node), so point
// node-gyp there when they exist; better-sqlite3 and argon2 then compile offline.
const fs = require('node:fs');
const path = require('node:path');

const prefix = path.resolve(path.dirname(process.execPath), '..');
const hasHeaders = fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'));

module.exports = {
  hooks: {
    updateConfig(config) {
      if (!hasHeaders) return config;
      config.extraEnv = {
        ...config.extraEnv,
        npm_config_nodedir: prefix,
        npm_package_config_node_gyp_nodedir: prefix,
      };
      return config;
    },
  },
};
