package io.pairprog.desktop;
