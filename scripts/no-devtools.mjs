// Stand-in for react-devtools-core in the bundle: Ink only connects to DevTools on request.
export default { initialize() {}, connectToDevTools() {} };
