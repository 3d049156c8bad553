package io.pairprog.protocol; final class Placeholder {}
