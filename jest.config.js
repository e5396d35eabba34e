/**
 * Tests run on the compiled output (`npm test` builds first), so services under test are the
 * same JavaScript that `npm start` runs. Set TEST_MYSQL_URL to run every suite on MariaDB/MySQL.
 */
module.exports = {
  rootDir: "dist",
  testMatch: ["**/*.test.js"],
  testEnvironment: "node",
  maxWorkers: 2,
  testTimeout: 60000,
  verbose: false,
};
