/**
 * engine.html: the engine worker alone (no explorer UI competing for it), for the e2e
 * engine specs and the browser half of bench:engine. Importing the client defines
 * window.__hqrnEngine; data-ready marks when the worker answered once.
 */
import { getEngine } from './engineClient';

void getEngine()
  .backendInfo()
  .then((info) => {
    document.body.dataset.ready = info.backend;
  });
