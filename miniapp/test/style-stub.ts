// Pages import their stylesheets for the side effect only (CSS modules are off), so in jsdom a stylesheet is an empty module.
export {};
